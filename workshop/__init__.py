"""A maker's drafts and the use cases both front doors share: projects, jobs and actions."""
