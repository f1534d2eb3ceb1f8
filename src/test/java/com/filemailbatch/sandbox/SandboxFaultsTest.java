package com.filemailbatch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The fault settings on their own: validation, factories and the options that carry them. */
class SandboxFaultsTest {

    @Test
    void sharesOutsideZeroToOneOrSummingPastOneAreRejected() {
        assertThatThrownBy(() -> SandboxFaults.transientShare(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transientShare");
        assertThatThrownBy(() -> SandboxFaults.transientShare(1.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxFaults.transientShare(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxFaults.none().withDropAfterCreateShare(2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dropAfterCreateShare");
        assertThatThrownBy(() -> SandboxFaults.transientShare(0.6).withDropAfterCreateShare(0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not exceed 1");
        assertThatThrownBy(() -> SandboxFaults.transientShare(0.1).withRetryAfter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharesThatAddUpToExactlyOneAreAccepted() {
        SandboxFaults faults = SandboxFaults.transientShare(0.7).withDropAfterCreateShare(0.3);
        assertThat(faults.transientShare() + faults.dropAfterCreateShare()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void factoriesAreSeededAndNoneIsNone() {
        assertThat(SandboxFaults.none().isNone()).isTrue();
        assertThat(SandboxFaults.transientShare(0.3))
                .isEqualTo(new SandboxFaults(0.3, 0, null, SandboxFaults.DEFAULT_SEED));
        assertThat(SandboxFaults.transientShare(0.3).isNone()).isFalse();
        assertThat(SandboxFaults.transientShare(0.3).withSeed(7).seed()).isEqualTo(7);
    }

    @Test
    void defaultOptionsAndTheTwoArgumentConstructorAreFaultFree() {
        assertThat(SandboxOptions.defaults().faults()).isEqualTo(SandboxFaults.none());
        assertThat(new SandboxOptions("k", 2).faults().isNone()).isTrue();
        assertThat(new SandboxOptions("k", 2, null).faults().isNone()).isTrue();
        assertThat(SandboxOptions.defaults().withFaults(SandboxFaults.transientShare(0.5)).faults().transientShare())
                .isEqualTo(0.5);
    }

    @Test
    void retryAfterIsSentInWholeSecondsRoundedUp() {
        assertThat(SandboxRouter.retryAfterSeconds(Duration.ZERO)).isEqualTo("0");
        assertThat(SandboxRouter.retryAfterSeconds(Duration.ofSeconds(3))).isEqualTo("3");
        assertThat(SandboxRouter.retryAfterSeconds(Duration.ofMillis(1500))).isEqualTo("2");
    }
}
