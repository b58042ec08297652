"""Core commands: extract, run, events, actors, eval. (Being written.)"""
