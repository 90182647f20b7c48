package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Time-to-event analyses of a study as of a cut-off, each computed from one narrow read
 * of the endpoint projection ({@link StudyEndpoints#survivalAsOf}) and kept in a bounded
 * in-memory cache. An entry is keyed on the study's design, the cut-off, the analysis
 * parameters and the study's projection version
 * ({@link EndpointProjectionStore#version}), which rises in the same transaction as every
 * projection write touching the study's subjects. The version is read before the data, so
 * an entry never holds data older than its version, and once a write has committed no
 * request reads the old version again: a cached result is never served after the data it
 * came from changed, on this replica or any other sharing the database.
 */
public class SurvivalResults {

	private final StudyEndpoints endpoints;

	private final EndpointProjectionStore store;

	private final Cache<Key, SurvivalReport> cache;

	/**
	 * @param endpoints reads the subjects' outcomes
	 * @param store the projection's tables (for the study versions)
	 * @param maxEntries results kept at most; 0 keeps none
	 */
	public SurvivalResults(StudyEndpoints endpoints, EndpointProjectionStore store, int maxEntries) {
		if (maxEntries < 0) {
			throw new IllegalArgumentException("maxEntries must be >= 0, was " + maxEntries);
		}
		this.endpoints = endpoints;
		this.store = store;
		this.cache = (maxEntries == 0) ? null : Caffeine.newBuilder().maximumSize(maxEntries).recordStats().build();
	}

	/**
	 * @return results served from the cache since start
	 */
	public long hits() {
		return (cache == null) ? 0 : cache.stats().hitCount();
	}

	/**
	 * @param design the study's design
	 * @param cutoff data cut-off
	 * @param analysis the analysis
	 * @param check called with the freshly read outcomes before they are analysed (when
	 * the result is not cached); throws to refuse them
	 * @return the analysis of the study's randomized subjects as of the cut-off
	 */
	public SurvivalReport report(StudyDesign design, LocalDate cutoff, SurvivalEndpointAnalysis analysis,
			Consumer<SurvivalSnapshot> check) {
		Key key = new Key(design, cutoff, analysis, store.version(design.studyId()));
		Optional<SurvivalReport> cached = Optional.ofNullable(cache).map((c) -> c.getIfPresent(key));
		if (cached.isPresent()) {
			return cached.get();
		}
		SurvivalSnapshot snapshot = endpoints.survivalAsOf(design.studyId(), cutoff, analysis.endpoint());
		check.accept(snapshot);
		SurvivalReport report = analysis.analyse(design, snapshot);
		if (cache != null) {
			cache.put(key, report);
		}
		return report;
	}

	/** What a cached result depends on. */
	private record Key(StudyDesign design, LocalDate cutoff, SurvivalEndpointAnalysis analysis, long version) {

		Key {
			Objects.requireNonNull(design, "design");
			Objects.requireNonNull(cutoff, "cutoff");
			Objects.requireNonNull(analysis, "analysis");
		}

	}

}
