"""The site's build, a folder per concern (see hooks/site_events.py for the order of their events).

Each folder keeps a feature's logic, as plain typed functions that take and return plain Python
values and import nothing of MkDocs (so they are tested on their own and can move to another
engine), and its `*events.py` modules: the MkDocs event functions, a few lines each, that call them.
`engine/` holds what ties the features to MkDocs. `messages` (Vietnamese-first messages) and
`strings` (the interface in both languages) are shared by all.
"""
