// The resilience suite every night: the eight scenarios of matriz-resilience.chaos.groovy (one real fault each
// against the demo system under 50 requests per second), run by `shakedown schedule scripts/nightly.chaos.groovy`
// at 03:00 Berlin time, never on a weekend, each night at a random moment of the ten minutes after 03:00.
// The suite is included as it is, so a change to it reaches the nightly runs; each night's evidence goes to
// artifacts/history/matriz/, one line per night to artifacts/history/index.jsonl.
include 'matriz-resilience.chaos.groovy'

schedule 'all', cron: '0 0 3 * * ?', timezone: 'Europe/Berlin', blackout: ['Sat-Sun'], jitter: 10.min
