-- Endpoint projection (org.trialfhir.server.endpoint): compact rows of the resources the trial's endpoints are
-- derived from, written in the same transaction as the resources. Idempotent; runs on H2 and PostgreSQL.

-- One row per ResearchSubject; the derived_* columns hold the subject's facts over all its data, valid for any
-- cut-off on or after data_until (the latest date of any of its data).
CREATE TABLE IF NOT EXISTS trial_ep_subject (
  subject_id VARCHAR(64) NOT NULL PRIMARY KEY,
  study_id VARCHAR(64) NOT NULL,
  patient_id VARCHAR(64) NOT NULL,
  origin DATE NOT NULL,
  status VARCHAR(32),
  period_end DATE,
  assigned_arm VARCHAR(200),
  actual_arm VARCHAR(200),
  stratum VARCHAR(64),
  data_until DATE,
  derived_resources INTEGER,
  derived_os_days INTEGER,
  derived_os_event BOOLEAN,
  derived_pfs_days INTEGER,
  derived_pfs_event BOOLEAN,
  derived_ttp_days INTEGER,
  derived_ttp_event BOOLEAN,
  derived_best_response VARCHAR(2),
  derived_first_dose DATE,
  derived_discontinued BOOLEAN,
  derived_ae_terms VARCHAR(100000)
);
CREATE INDEX IF NOT EXISTS trial_ep_subject_study ON trial_ep_subject (study_id);
CREATE INDEX IF NOT EXISTS trial_ep_subject_patient ON trial_ep_subject (patient_id);

-- One row per Patient the projection has heard of (also the lock that serialises refreshes of one patient).
CREATE TABLE IF NOT EXISTS trial_ep_patient (
  patient_id VARCHAR(64) NOT NULL PRIMARY KEY,
  death_date DATE
);

-- One row per dated Observation, MedicationAdministration, AdverseEvent or Encounter.
CREATE TABLE IF NOT EXISTS trial_ep_event (
  resource_key VARCHAR(100) NOT NULL PRIMARY KEY,
  patient_id VARCHAR(64) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  event_date DATE NOT NULL,
  end_date DATE,
  response VARCHAR(2),
  grade INTEGER,
  serious BOOLEAN,
  term_code VARCHAR(64),
  term_display VARCHAR(500)
);
CREATE INDEX IF NOT EXISTS trial_ep_event_patient ON trial_ep_event (patient_id);

-- One row per study whose projection rows were written: version goes up in the same transaction as every write that
-- changes any of the study's subjects' facts (and for every study on a rebuild), so a cached analysis result keyed on
-- it is never served after the data it was computed from changed.
CREATE TABLE IF NOT EXISTS trial_ep_study_version (
  study_id VARCHAR(64) NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL
);
