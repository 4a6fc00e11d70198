"""What every page carries besides its text: sharing metadata and sitemaps, the content security
policy, the site's own assets served without comments, the 404 page, links between the site's
addresses."""
