package org.trialfhir.server.analysis.survival;

/**
 * Orders subjects by (block, time, event first) with a stable merge sort on primitive
 * arrays: O(n log n) without boxing, so that every analysis sorts once and then works
 * with cumulative sums.
 */
final class SortedIndex {

	private SortedIndex() {
	}

	/**
	 * @param block block key (group or stratum index) per subject
	 * @param time time per subject
	 * @param event event flag per subject
	 * @return subject indices sorted by block, then time, then events before censorings
	 */
	static int[] order(int[] block, double[] time, boolean[] event) {
		int n = time.length;
		int[] a = new int[n];
		for (int i = 0; i < n; i++) {
			a[i] = i;
		}
		int[] b = new int[n];
		for (int width = 1; width < n; width *= 2) {
			for (int lo = 0; lo < n; lo += 2 * width) {
				int mid = Math.min(lo + width, n);
				int hi = Math.min(lo + 2 * width, n);
				int i = lo;
				int j = mid;
				int k = lo;
				while (i < mid && j < hi) {
					b[k++] = precedes(a[j], a[i], block, time, event) ? a[j++] : a[i++];
				}
				while (i < mid) {
					b[k++] = a[i++];
				}
				while (j < hi) {
					b[k++] = a[j++];
				}
			}
			int[] t = a;
			a = b;
			b = t;
		}
		return a;
	}

	private static boolean precedes(int x, int y, int[] block, double[] time, boolean[] event) {
		if (block[x] != block[y]) {
			return block[x] < block[y];
		}
		if (time[x] != time[y]) {
			return time[x] < time[y];
		}
		return event[x] && !event[y];
	}

}
