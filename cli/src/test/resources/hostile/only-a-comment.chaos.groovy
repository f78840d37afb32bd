// a script that is only a comment | expect: the experiment has no scenario; add one: scenario 'name' { inject
