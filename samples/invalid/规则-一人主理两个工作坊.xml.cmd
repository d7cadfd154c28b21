check samples/2026/申报/03-人文学院-许清和.xml $IN
