window.DATELINE_SEARCH = {"e0": "n]r򨳯"};
