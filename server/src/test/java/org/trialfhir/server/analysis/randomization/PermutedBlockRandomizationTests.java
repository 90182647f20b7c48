package org.trialfhir.server.analysis.randomization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PermutedBlockRandomizationTests {

	private static final AllocationRatio ONE_TO_ONE = AllocationRatio.equal("Treatment", "Placebo");

	private static final List<String> STRATA = List.of("ECOG 0-1 / EU", "ECOG 0-1 / US", "ECOG 2 / EU", "ECOG 2 / US");

	@Test
	void sameSeedGivesSameListAndOrderOfStrataDoesNotMatter() {
		PermutedBlockRandomization r = PermutedBlockRandomization.of(ONE_TO_ONE, Set.of(2, 4, 6));
		RandomizationList a = r.generate(20240611L, STRATA, 100);
		RandomizationList b = r.generate(20240611L, List.of(STRATA.get(3), STRATA.get(0)), 100);
		assertThat(b.stratum(STRATA.get(0))).isEqualTo(a.stratum(STRATA.get(0)));
		assertThat(b.stratum(STRATA.get(3))).isEqualTo(a.stratum(STRATA.get(3)));
		assertThat(r.generate(20240612L, STRATA, 100).stratum(STRATA.get(0))).isNotEqualTo(a.stratum(STRATA.get(0)));
		assertThat(a.stratum(STRATA.get(0))).isNotEqualTo(a.stratum(STRATA.get(1)));
	}

	@Test
	void listIsPinnedForAFixedSeed() {
		// guards reproducibility across JDK updates: SplittableRandom's algorithm must
		// not change silently
		List<String> arms = PermutedBlockRandomization.of(ONE_TO_ONE, Set.of(2, 4, 6))
			.generate(42L, List.of("S"), 12)
			.stratum("S")
			.assignments()
			.stream()
			.map(x -> x.arm().substring(0, 1) + x.blockSize())
			.toList();
		assertThat(arms).isEqualTo(PINNED);
	}

	private static final List<String> PINNED = List.of("P6", "T6", "P6", "T6", "T6", "P6", "P4", "T4", "P4", "T4", "T4",
			"P4", "P4", "T4");

	@Test
	void imbalanceNeverExceedsHalfTheLargestBlock() {
		PermutedBlockRandomization r = PermutedBlockRandomization.of(ONE_TO_ONE, Set.of(2, 4, 6));
		for (long seed = 1; seed <= 200; seed++) {
			for (StratumRandomizationList list : r.generate(seed, STRATA, 60).strata()) {
				int imbalance = 0;
				int maxImbalance = 0;
				for (RandomizationAssignment x : list.assignments()) {
					imbalance += x.arm().equals("Treatment") ? 1 : -1;
					maxImbalance = Math.max(maxImbalance, Math.abs(imbalance));
				}
				assertThat(maxImbalance).isLessThanOrEqualTo(3);
				assertThat(list.assignments().size()).isGreaterThanOrEqualTo(60);
			}
		}
	}

	@Test
	void unequalRatioHoldsAtBlockEndsAndStaysWithinHalfABlock() {
		Map<String, Integer> weights = new LinkedHashMap<>();
		weights.put("Drug", 2);
		weights.put("Placebo", 1);
		PermutedBlockRandomization r = PermutedBlockRandomization.of(AllocationRatio.of(weights), Set.of(3, 6, 9));
		Set<Integer> sizesSeen = new HashSet<>();
		for (long seed = 1; seed <= 100; seed++) {
			List<RandomizationAssignment> list = r.generate(seed, List.of("all"), 90).stratum("all").assignments();
			int drug = 0;
			for (int i = 0; i < list.size(); i++) {
				RandomizationAssignment x = list.get(i);
				sizesSeen.add(x.blockSize());
				drug += x.arm().equals("Drug") ? 1 : 0;
				int n = i + 1;
				assertThat(Math.abs(drug - n * 2.0 / 3)).isLessThanOrEqualTo(9 / 2.0);
				boolean blockEnd = i + 1 == list.size() || list.get(i + 1).block() != x.block();
				if (blockEnd) {
					assertThat(drug * 3).isEqualTo(2 * n);
				}
			}
		}
		assertThat(sizesSeen).containsExactlyInAnyOrder(3, 6, 9);
	}

	@Test
	void armsAreExchangeableWithinBlocks() {
		PermutedBlockRandomization r = PermutedBlockRandomization.of(ONE_TO_ONE, Set.of(4));
		Map<String, Integer> first = new HashMap<>();
		for (long seed = 0; seed < 4000; seed++) {
			first.merge(r.generate(seed, List.of("S"), 4).stratum("S").assignments().get(0).arm(), 1, Integer::sum);
		}
		// binomial(4000, 0.5): sd ~ 32, allow 5 sd
		assertThat(first.get("Treatment")).isBetween(2000 - 160, 2000 + 160);
	}

	@Test
	void rejectsInvalidConfiguration() {
		assertThatThrownBy(() -> PermutedBlockRandomization.of(ONE_TO_ONE, Set.of(2, 3)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("block size 3");
		assertThatThrownBy(() -> PermutedBlockRandomization.of(ONE_TO_ONE, Set.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at least one block size");
		assertThatThrownBy(() -> AllocationRatio.equal("A")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("two arms");
		assertThatThrownBy(() -> AllocationRatio.equal("A", "A")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("distinct");
		assertThatThrownBy(() -> new AllocationRatio(List.of("A", "B"), List.of(1, 0)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(">= 1");
		PermutedBlockRandomization r = PermutedBlockRandomization.of(ONE_TO_ONE, Set.of(4));
		assertThatThrownBy(() -> r.generate(1, List.of("S", "S"), 4)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not distinct");
		assertThatThrownBy(() -> r.generate(1, List.of(), 4)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> r.generate(1, List.of("S"), 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> r.generate(1, List.of("S"), 4).stratum("T"))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
