// two quotes glued to a name crash Groovy's own parser, which gives no place | expect: the Groovy parser failed on this script without saying where
component 'x'
def size = param(''size, 2.gb)
