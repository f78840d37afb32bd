/** Recurring experiments: schedules of a plan as Quartz triggers, blackouts as Quartz calendars. */
package dev.shakedown.schedule;
