package org.trialfhir.server.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Concurrent first writers of one study's projection version row and of one patient's row
 * (each in its own transaction, as two loader threads' bundles are) all commit, and every
 * write counts.
 */
class StudyVersionConcurrencyTests {

	private static final int WRITERS = 6;

	private static final int STUDIES = 25;

	private Path dir;

	private JdbcDataSource dataSource;

	@BeforeEach
	void database() throws Exception {
		this.dir = Files.createTempDirectory("study-version-");
		this.dataSource = new JdbcDataSource();
		this.dataSource.setURL("jdbc:h2:file:" + this.dir.resolve("db") + ";LOCK_TIMEOUT=60000;WRITE_DELAY=0");
		this.dataSource.setUser("sa");
		new ResourceDatabasePopulator(new ClassPathResource("db/endpoint-projection.sql")).execute(this.dataSource);
	}

	@AfterEach
	void close() throws Exception {
		new JdbcTemplate(this.dataSource).execute("SHUTDOWN");
		try (var files = Files.walk(this.dir)) {
			files.sorted((a, b) -> b.compareTo(a)).forEach((path) -> path.toFile().delete());
		}
	}

	@Test
	void concurrentFirstWritersOfAStudyAllCommit() throws Exception {
		EndpointProjectionStore store = new EndpointProjectionStore(new JdbcTemplate(this.dataSource));
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
		try {
			for (int s = 0; s < STUDIES; s++) {
				String study = "study-" + s;
				String patient = "patient-" + s;
				CyclicBarrier start = new CyclicBarrier(WRITERS);
				List<Future<?>> writers = new ArrayList<>();
				for (int w = 0; w < WRITERS; w++) {
					writers.add(pool.submit(() -> {
						start.await();
						transactions.executeWithoutResult((status) -> store.refresh(List.of(patient), List.of(study)));
						return null;
					}));
				}
				for (Future<?> writer : writers) {
					writer.get();
				}
				assertThat(store.version(study)).as(study).isEqualTo(WRITERS);
				assertThat(new JdbcTemplate(this.dataSource).queryForObject(
						"SELECT COUNT(*) FROM trial_ep_patient WHERE patient_id = ?", Integer.class, patient))
					.isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
