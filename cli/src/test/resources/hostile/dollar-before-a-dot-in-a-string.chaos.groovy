// a '$' in a double-quoted string followed by a dot (Groovy's parser used to print a line of its own) | expect: 4:47: token recognition error at: '.'
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'cheap', { http.get("${sut.gateway}$.parsecs").status == 200 }
scenario 'guardianCrash' {
    steadyState healthy
    inject kill('guardian')
    recover
}
