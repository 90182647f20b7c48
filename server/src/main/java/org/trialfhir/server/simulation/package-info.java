/**
 * Command-line tools that run without the server: the dose-finding design simulator.
 */
package org.trialfhir.server.simulation;
