package org.trialfhir.server.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.trialfhir.profiles.TrialCodes.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar trialfhir-server.jar token --role investigator}: prints a bearer token
 * of the development issuer, signed with the key in the data folder (created if the
 * server has not run yet). Runs without starting the server.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
		description = "Prints a bearer token of the development issuer for the given role(s).")
public final class TokenCommand implements Callable<Integer> {

	/** The first argument that selects this command instead of starting the server. */
	public static final String NAME = "token";

	@Option(names = "--role", required = true, split = ",",
			description = "Role(s): investigator, coordinator, ehr-interface, pharmacist, "
					+ "unblinded-statistician, dsmb, admin")
	private List<String> roles;

	@Option(names = "--scope", split = " ", description = "SMART scopes (default: user/*.cruds)")
	private List<String> scopes = List.of("user/*.cruds");

	@Option(names = "--data-dir", description = "The server's data folder (default: $TRIALFHIR_DATA_DIR or ./data)")
	private Path dataDir = Path.of(System.getenv().getOrDefault("TRIALFHIR_DATA_DIR", "./data"));

	@Option(names = "--audience", description = "aud claim (default: $TRIALFHIR_AUDIENCE or trialfhir)")
	private String audience = System.getenv().getOrDefault("TRIALFHIR_AUDIENCE", "trialfhir");

	@Option(names = "--role-claim", description = "claim carrying the roles (default: $TRIALFHIR_ROLE_CLAIM or roles)")
	private String roleClaim = System.getenv().getOrDefault("TRIALFHIR_ROLE_CLAIM", "roles");

	@Option(names = "--lifetime", description = "validity, ISO-8601 (default: PT8H)")
	private Duration lifetime = Duration.ofHours(8);

	@Option(names = "--subject", description = "sub claim (default: dev-<role>)")
	private String subject;

	@Override
	public Integer call() {
		for (String role : roles) {
			if (Role.fromCode(role).isEmpty()) {
				throw new CommandLine.ParameterException(new CommandLine(this), "Unknown role: " + role);
			}
		}
		DevelopmentIssuer issuer = new DevelopmentIssuer(
				SigningKeyFile.loadOrCreate(SigningKeyFile.in(dataDir.toAbsolutePath().normalize())), audience,
				roleClaim);
		String sub = subject != null ? subject : "dev-" + String.join("-", roles);
		System.out.println(issuer.issue(sub, roles, scopes, lifetime));
		return 0;
	}

	/**
	 * @param args arguments after {@code token}
	 * @return the exit code
	 */
	public static int run(String... args) {
		return new CommandLine(new TokenCommand()).execute(args);
	}

}
