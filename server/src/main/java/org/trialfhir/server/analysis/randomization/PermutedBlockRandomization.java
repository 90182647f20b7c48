package org.trialfhir.server.analysis.randomization;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Stratified permuted-block randomization with random block sizes.
 *
 * <p>
 * Each stratum gets its own list of complete blocks. For each block a size is drawn
 * uniformly from the allowed sizes (each a multiple of the allocation-ratio total); the
 * block holds each arm {@code size / total * weight} times, shuffled by Fisher–Yates.
 * Hence at the end of every block the arms are exactly in the allocation ratio, and
 * within a stratum the imbalance between two arms never exceeds half the largest block
 * size.
 *
 * <p>
 * Reproducibility: the random stream of a stratum is {@link SplittableRandom}
 * (SplitMix64; Steele, Lea &amp; Flood 2014) seeded with the secret trial seed mixed with
 * a 64-bit FNV-1a hash of the stratum label, so a stratum's list depends only on (seed,
 * stratum label, ratio, block sizes) — not on the other strata or their order. Block
 * size: {@code nextInt(number of sizes)} over the sizes in ascending order; shuffle: for
 * {@code i} from the end, swap with {@code nextInt(i + 1)}. Keep the seed secret: it
 * reveals the whole list.
 */
public final class PermutedBlockRandomization {

	private final AllocationRatio ratio;

	private final int[] blockSizes;

	private PermutedBlockRandomization(AllocationRatio ratio, int[] blockSizes) {
		this.ratio = ratio;
		this.blockSizes = blockSizes;
	}

	/**
	 * @param ratio allocation ratio
	 * @param blockSizes allowed block sizes, each a positive multiple of
	 * {@code ratio.total()}
	 * @return the scheme
	 */
	public static PermutedBlockRandomization of(AllocationRatio ratio, Set<Integer> blockSizes) {
		Objects.requireNonNull(ratio, "allocation ratio");
		Objects.requireNonNull(blockSizes, "block sizes");
		if (blockSizes.isEmpty()) {
			throw new IllegalArgumentException("at least one block size is required");
		}
		TreeSet<Integer> sorted = new TreeSet<>(blockSizes);
		for (int size : sorted) {
			if (size < 1 || size % ratio.total() != 0) {
				throw new IllegalArgumentException(
						"block size " + size + " is not a positive multiple of the allocation total " + ratio.total()
								+ " (" + ratio.weights() + ")");
			}
		}
		return new PermutedBlockRandomization(ratio, sorted.stream().mapToInt(Integer::intValue).toArray());
	}

	/**
	 * Generates the lists.
	 * @param seed secret seed
	 * @param strata distinct, non-blank stratum labels
	 * @param minimumPerStratum the list of each stratum has at least this many entries
	 * (rounded up to complete blocks)
	 * @return the lists
	 */
	public RandomizationList generate(long seed, List<String> strata, int minimumPerStratum) {
		Objects.requireNonNull(strata, "strata");
		if (strata.isEmpty()) {
			throw new IllegalArgumentException("at least one stratum is required");
		}
		if (minimumPerStratum < 1) {
			throw new IllegalArgumentException("list length per stratum must be >= 1, was " + minimumPerStratum);
		}
		if (new HashSet<>(strata).size() != strata.size()) {
			throw new IllegalArgumentException("stratum labels are not distinct: " + strata);
		}
		List<StratumRandomizationList> lists = new ArrayList<>();
		for (String stratum : strata) {
			if (stratum == null || stratum.isBlank()) {
				throw new IllegalArgumentException("stratum label must not be null or blank");
			}
			lists.add(stratumList(seed, stratum, minimumPerStratum));
		}
		List<Integer> sizes = new ArrayList<>();
		for (int s : blockSizes) {
			sizes.add(s);
		}
		return new RandomizationList(ratio, sizes, lists);
	}

	private StratumRandomizationList stratumList(long seed, String stratum, int minimum) {
		SplittableRandom random = new SplittableRandom(seed ^ fnv1a(stratum));
		List<RandomizationAssignment> list = new ArrayList<>();
		int block = 0;
		while (list.size() < minimum) {
			block++;
			int size = blockSizes[random.nextInt(blockSizes.length)];
			String[] arms = block(size);
			for (int i = arms.length - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				String t = arms[i];
				arms[i] = arms[j];
				arms[j] = t;
			}
			for (String arm : arms) {
				list.add(new RandomizationAssignment(stratum, list.size() + 1, block, size, arm));
			}
		}
		return new StratumRandomizationList(stratum, list);
	}

	private String[] block(int size) {
		String[] arms = new String[size];
		int multiple = size / ratio.total();
		int k = 0;
		for (int a = 0; a < ratio.arms().size(); a++) {
			for (int r = 0; r < multiple * ratio.weights().get(a); r++) {
				arms[k++] = ratio.arms().get(a);
			}
		}
		return arms;
	}

	/** 64-bit FNV-1a hash of the UTF-8 bytes of a label. */
	static long fnv1a(String label) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
			hash ^= b & 0xff;
			hash *= 0x100000001b3L;
		}
		return hash;
	}

}
