"""Plain, engine-independent logic behind the site's MkDocs hooks.

Nothing in this package imports MkDocs: every function takes and returns plain Python
values, so it can be tested on its own and moved to another static-site engine.
"""
