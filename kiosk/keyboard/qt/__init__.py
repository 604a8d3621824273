"""The on-screen keyboard's Qt side; imported only when the keyboard is first needed."""
