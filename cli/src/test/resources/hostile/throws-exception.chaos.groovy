// a script that throws while building | expect: 2: boom
throw new IllegalStateException('boom')
