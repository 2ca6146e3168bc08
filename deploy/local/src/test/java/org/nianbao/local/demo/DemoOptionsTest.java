package org.nianbao.local.demo;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoOptionsTest {

    @Test
    void defaultsAreTheWholeCountryThroughTheLocalGateway() {
        DemoOptions o = DemoOptions.parse();
        assertThat(o.url()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(o.size()).isEqualTo(DemoPlan.Size.ALL);
        assertThat(o.seed()).isEqualTo(DemoOptions.DEFAULT_SEED);
        assertThat(o.concurrency()).isEqualTo(16);
        assertThat(o.includeZones()).isFalse();
        assertThat(o.listExisting()).isTrue();
        assertThat(o.dryRun()).isFalse();
    }

    @Test
    void sizesAreCountsFractionsPercentagesOrAll() {
        assertThat(DemoOptions.parse("--agencies", "300").size()).isEqualTo(DemoPlan.Size.count(300));
        assertThat(DemoOptions.parse("--size", "300").size()).isEqualTo(DemoPlan.Size.count(300));
        assertThat(DemoOptions.parse("--size", "0.1").size()).isEqualTo(DemoPlan.Size.fraction(0.1));
        assertThat(DemoOptions.parse("--size", "10%").size()).isEqualTo(DemoPlan.Size.fraction(0.1));
        assertThat(DemoOptions.parse("--size", "all").size()).isEqualTo(DemoPlan.Size.ALL);
        assertThat(DemoOptions.parse("--size=200").size()).isEqualTo(DemoPlan.Size.count(200));
    }

    @Test
    void everyOptionIsRead() {
        DemoOptions o = DemoOptions.parse("--url", "http://gw:9000/", "--token", "t", "--key-dir", "k", "--seed=5",
                "--region", "640000", "--with-zones", "--concurrency", "4", "--rate", "150", "--attempts", "3",
                "--no-list", "--progress", "none", "--dry-run", "--sample", "edu-640000/2023");
        assertThat(o.url()).isEqualTo(URI.create("http://gw:9000/"));
        assertThat(o.token()).isEqualTo("t");
        assertThat(o.keyDir()).isEqualTo(Path.of("k"));
        assertThat(o.seed()).isEqualTo(5);
        assertThat(o.region()).isEqualTo("640000");
        assertThat(o.includeZones()).isTrue();
        assertThat(o.concurrency()).isEqualTo(4);
        assertThat(o.rate()).isEqualTo(150);
        assertThat(o.attempts()).isEqualTo(3);
        assertThat(o.listExisting()).isFalse();
        assertThat(o.progress()).isEqualTo(Progress.Mode.NONE);
        assertThat(o.dryRun()).isTrue();
        assertThat(o.sample()).isEqualTo("edu-640000/2023");
    }

    @Test
    void badValuesSayWhatIsWrong() {
        assertThatThrownBy(() -> DemoOptions.parse("--size", "lots")).hasMessageContaining("--size");
        assertThatThrownBy(() -> DemoOptions.parse("--size", "1.5")).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> DemoOptions.parse("--agencies", "-3")).hasMessageContaining("negative");
        assertThatThrownBy(() -> DemoOptions.parse("--seed")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> DemoOptions.parse("--concurrency", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> DemoOptions.parse("--progress", "fancy")).hasMessageContaining("bar, lines");
        assertThatThrownBy(() -> DemoOptions.parse("--frobnicate")).hasMessageContaining("unknown option");
    }

    @Test
    void theProgressLineShowsCountsRateAndEta() {
        Progress p = new Progress(System.err, Progress.Mode.NONE, 20000, () -> 0, 3212, () -> 0);
        assertThat(p.line(10432, 820)).contains("[###############...............] 10432/20000 reports  820/s", "eta 12s");
    }
}
