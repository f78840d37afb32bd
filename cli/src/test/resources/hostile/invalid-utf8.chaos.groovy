// bytes that are not UTF-8 (Latin-1 text) | expect: 2:15: the script is not UTF-8 text: byte 0xE9 is not valid UTF-8 here (a
component 'café'
