// a doubled colon turns a named argument into a method reference | expect: 7:12: memory got a closure or method reference as argument 1; its arguments are values
def sut = demoSystem()
def size = param('size', 2.gb)
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
scenario 'memoryExhaustion' {
    steadyState healthy
    inject memory(size:: size)
    recover
}
