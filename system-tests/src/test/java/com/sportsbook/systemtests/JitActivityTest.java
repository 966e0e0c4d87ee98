package com.sportsbook.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JitActivityTest {

    @Test
    void readsTheCompilersTimeFromJstatsOutputWhetherOrNotACompilationFailed() {
        assertThat(JitActivity.parse("""
                Compiled Failed Invalid   Time   FailedType FailedMethod
                    2495      0       0     2.48          0
                """)).isEqualTo(2.48);
        assertThat(JitActivity.parse("""
                Compiled Failed Invalid   Time   FailedType FailedMethod
                   11608      2       0    92.31          1 java/util/HashMap putVal
                """)).isEqualTo(92.31);
    }

    @Test
    void refusesOutputThatIsNotJstatsCompilerReport() {
        assertThatThrownBy(() -> JitActivity.parse("Could not attach to 4242")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JitActivity.parse("Loaded Bytes\n12 3.4\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunningJvmHasSpentSomeTimeCompiling() {
        assertThat(JitActivity.available()).isTrue();
        assertThat(JitActivity.compileSeconds(List.of(ProcessHandle.current().pid()))).isPositive();
    }
}
