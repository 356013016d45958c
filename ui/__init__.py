"""The app's sections: each draws one step from planner/ results; none of them plans."""
