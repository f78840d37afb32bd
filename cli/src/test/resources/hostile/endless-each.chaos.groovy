// an endless iteration over an unbounded range via each | expect: 2:13: the script did not finish building its plan within
(1..Integer.MAX_VALUE).each { x -> x * 2 }
