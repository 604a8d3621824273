"""The statistics' one piece of screen: "Did you get it done?" at the end of a session."""
