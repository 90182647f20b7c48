package org.trialfhir.server.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.trialfhir.server.FhirServerIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two transactions that write the first projection rows of the same study and patient at
 * the same moment both commit (the loser of the insert race falls back to the update)
 * instead of one failing on the duplicate key.
 */
class ProjectionFirstWritersIT extends FhirServerIT {

	private static final int WRITERS = 2;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private EndpointProjectionStore store;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void concurrentFirstWritersOfOneStudyAndPatientBothCommit() throws Exception {
		String studyId = "first-" + UUID.randomUUID().toString().substring(0, 8);
		String patientId = "first-" + UUID.randomUUID().toString().substring(0, 8);
		CyclicBarrier together = new CyclicBarrier(WRITERS);
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
		try {
			List<Future<?>> writers = new ArrayList<>();
			for (int i = 0; i < WRITERS; i++) {
				writers.add(threads.submit(() -> transaction.executeWithoutResult((status) -> {
					await(together);
					// both find no row, both insert: the second waits for the first's row
					store.refresh(List.of(patientId), List.of(studyId));
				})));
			}
			for (Future<?> writer : writers) {
				writer.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(store.version(studyId)).isEqualTo(WRITERS);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial_ep_patient WHERE patient_id = ?", Integer.class,
				patientId))
			.isEqualTo(1);
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(1, TimeUnit.MINUTES);
		}
		catch (Exception interrupted) {
			throw new IllegalStateException(interrupted);
		}
	}

}
