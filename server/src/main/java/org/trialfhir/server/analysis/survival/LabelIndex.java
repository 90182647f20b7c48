package org.trialfhir.server.analysis.survival;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Sorted distinct labels (group or stratum names) and each subject's position among them.
 */
record LabelIndex(List<String> labels, int[] indexOf) {

	static <T> LabelIndex of(List<T> items, Function<T, String> label) {
		TreeSet<String> sorted = new TreeSet<>();
		for (T item : items) {
			sorted.add(label.apply(item));
		}
		List<String> labels = List.copyOf(sorted);
		java.util.Map<String, Integer> position = new java.util.HashMap<>();
		for (int i = 0; i < labels.size(); i++) {
			position.put(labels.get(i), i);
		}
		int[] index = new int[items.size()];
		for (int i = 0; i < index.length; i++) {
			index[i] = position.get(label.apply(items.get(i)));
		}
		return new LabelIndex(labels, index);
	}
}
