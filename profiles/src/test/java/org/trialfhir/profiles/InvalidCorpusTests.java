package org.trialfhir.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invalid corpus ({@code src/test/resources/invalid/}): every file is rejected with
 * the error its index row names. See {@code invalid/README.md}.
 */
class InvalidCorpusTests {

	private static final String FOLDER = "invalid/";

	@Test
	void indexListsEveryFileOnceAndTheCorpusIsLargeEnough() throws IOException, URISyntaxException {
		URL folder = Objects.requireNonNull(getClass().getClassLoader().getResource(FOLDER));
		Set<String> files;
		try (Stream<Path> list = Files.list(Path.of(folder.toURI()))) {
			files = list.map((p) -> p.getFileName().toString())
				.filter((name) -> name.endsWith(".json"))
				.collect(Collectors.toSet());
		}
		List<String> indexed = index().stream().map(Row::file).toList();
		assertThat(indexed).doesNotHaveDuplicates();
		assertThat(Set.copyOf(indexed)).isEqualTo(files);
		assertThat(indexed).hasSizeGreaterThanOrEqualTo(40);
	}

	@TestFactory
	Stream<DynamicTest> everyInvalidResourceIsRejectedWhereTheIndexSays() {
		return index().stream().map((row) -> DynamicTest.dynamicTest(row.file() + " (" + row.defect() + ")", () -> {
			ValidationResult result = TestValidators.trial().validate(read(FOLDER + row.file()));
			List<SingleValidationMessage> errors = result.getMessages()
				.stream()
				.filter((m) -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
				.toList();
			assertThat(result.isSuccessful()).as("%s is accepted", row.file()).isFalse();
			assertThat(errors)
				.as(() -> "errors of " + row.file() + ":\n"
						+ errors.stream()
							.map((m) -> m.getLocationString() + " | " + m.getMessage())
							.collect(Collectors.joining("\n")))
				.anySatisfy((error) -> {
					assertThat(error.getLocationString()).isEqualTo(row.location());
					assertThat(error.getMessage()).contains(row.fragment());
				});
		}));
	}

	/** One row of {@code index.csv}. */
	record Row(String file, String location, String fragment, String defect) {
	}

	static List<Row> index() {
		return read(FOLDER + "index.csv").lines().skip(1).filter((line) -> !line.isBlank()).map((line) -> {
			List<String> cells = Csv.split(line);
			assertThat(cells).as(line).hasSize(4);
			return new Row(cells.get(0), cells.get(1), cells.get(2), cells.get(3));
		}).toList();
	}

	static String read(String classpath) {
		try (InputStream in = InvalidCorpusTests.class.getClassLoader().getResourceAsStream(classpath)) {
			return new String(Objects.requireNonNull(in, classpath).readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
