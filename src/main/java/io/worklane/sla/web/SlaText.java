package io.worklane.sla.web;

import org.springframework.stereotype.Component;

/** Business minutes as people read them on a page: 45 m, 2 h 10 m, 3 d 4 h (days of 24 business hours). */
@Component("slaText")
class SlaText {

    public String minutes(Long minutes) {
        if (minutes == null) {
            return "—";
        }
        long m = Math.abs(minutes);
        if (m < 60) {
            return m + " m";
        }
        if (m < 24 * 60) {
            return m / 60 + " h" + (m % 60 == 0 ? "" : " " + m % 60 + " m");
        }
        return m / (24 * 60) + " d" + ((m % (24 * 60)) / 60 == 0 ? "" : " " + (m % (24 * 60)) / 60 + " h");
    }

    /** A percentile in minutes, rounded to the minute. */
    public String approx(Double minutes) {
        return minutes == null ? "—" : minutes(Math.round(minutes));
    }
}
