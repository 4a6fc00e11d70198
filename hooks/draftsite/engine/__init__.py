"""What ties the features to MkDocs: the helpers every events module shares (`glue`: the language
being built, the output folder, one way a failing step stops the build), the settings that reach
every draft, the interface strings for the templates, and the theme's templates and files."""
