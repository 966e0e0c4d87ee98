package com.sportsbook.runtime.settlement.core;

/**
 * Why settlement refused a request, as a value the web layer maps to an RFC 9457 problem detail: the HTTP status,
 * a stable code and a sentence for the person who asked. Nothing changed.
 */
public record Refusal(int status, String code, String detail) {

    public static Refusal notFound(String code, String detail) {
        return new Refusal(404, code, detail);
    }

    public static Refusal invalid(String code, String detail) {
        return new Refusal(422, code, detail);
    }

    public static Refusal conflict(String code, String detail) {
        return new Refusal(409, code, detail);
    }

    public static Refusal forbidden(String code, String detail) {
        return new Refusal(403, code, detail);
    }
}
