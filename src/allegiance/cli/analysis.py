"""Cross-article commands: incidents, relation, alerts, export. (Being written.)"""
