#!/usr/bin/env python3
"""Print the events (with participant ids), actors and quotes the pipeline finds in a text read
from stdin: a developer's quick look at one sentence. `--published YYYY-MM-DD` sets the date."""

import sys

from allegiance.pipeline import Pipeline
from allegiance.records import RawInput

published = sys.argv[sys.argv.index("--published") + 1] if "--published" in sys.argv else "2024-01-10"
doc = Pipeline().process(RawInput(source="stdin", format="text", content=sys.stdin.read(), published=published))
for e in doc.events:
    def parts(ps):
        return ", ".join(f"{p.text}<{p.id}>" for p in ps) or "-"
    loc = e.location.name if e.location else None
    date = e.date.start if e.date else None
    print(f"{e.event}/{e.mode}[{e.certainty} by {e.attributedTo}] {parts(e.actor)} -> {parts(e.recipient)}"
          f" @{loc} {date} dead={e.dead} inj={e.injured} trig={e.trigger.text if e.trigger else None}")
print("actors:", "; ".join(f"{a.id}={[m.text for m in a.mentions]}" for a in doc.actors))
for q in doc.quotes:
    print("quote:", q.speaker, repr(doc.text[q.start:q.end][:60]))
