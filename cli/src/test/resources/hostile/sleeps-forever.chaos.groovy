// a build that sleeps for a day | expect: 2:8: the script did not finish building its plan within
Thread.sleep(86_400_000)
