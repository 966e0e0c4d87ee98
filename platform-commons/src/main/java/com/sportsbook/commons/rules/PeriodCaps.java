package com.sportsbook.commons.rules;

import java.util.OptionalLong;

/** Caps per day, week and month in minor units of the pack's currency; empty where the regulator sets none. */
public record PeriodCaps(OptionalLong daily, OptionalLong weekly, OptionalLong monthly) {

    public static final PeriodCaps NONE = new PeriodCaps(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
}
