// while (true) {} at the top level | expect: 3: the script did not finish building its plan within
component 'x'
while (true) {}
