"""Session gazetteer for the place tests."""

import pytest


@pytest.fixture(scope="session")
def gazetteer(pipeline):
    return pipeline.gazetteer
