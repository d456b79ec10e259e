import type { Migration } from 'kysely';
import * as m202611250700 from './202611250700_create_foundation.js';
import * as m202611250900 from './202611250900_create_journal.js';
import * as m202611251000 from './202611251000_search_all_scripts.js';
import * as m202611251010 from './202611251010_partition_usager_search.js';
import * as m202611251320 from './202611251320_create_second_factor.js';
import * as m202611251200 from './202611251200_chain_security_log.js';
import * as m202611251210 from './202611251210_security_log_seq_constraint.js';
import * as m202611251300 from './202611251300_create_statistics.js';
import * as m202611251500 from './202611251500_index_plaintext_notes.js';
import * as m202611251540 from './202611251540_create_retention_sharing.js';
import * as m202611251600 from './202611251600_create_break_glass.js';
import * as m202611251630 from './202611251630_create_sensitive_sections.js';
import * as m202611251700 from './202611251700_create_file_restriction.js';
import * as m202612041700 from './202612041700_search_keys.js';
import * as m202612041710 from './202612041710_search_birth_index.js';
import * as m202612070300 from './202612070300_create_access_request.js';
import * as m202612070230 from './202612070230_login_attempts.js';
import * as m202612070310 from './202612070310_stat_dirty_skips_retention.js';
import * as m202612070400 from './202612070400_create_parameter_version.js';
import * as m202612070410 from './202612070410_create_workflow_transition.js';
import * as m202612070420 from './202612070420_create_job.js';
import * as m202612070430 from './202612070430_create_document.js';
import * as m202612070440 from './202612070440_create_accueil_visit.js';
import * as m202612070520 from './202612070520_create_genogram.js';
import * as m202612080900 from './202612080900_create_aids.js';
import * as m202612070510 from './202612070510_create_file_merge.js';
import * as m202612070500 from './202612070500_create_letters.js';
import * as m202612081000 from './202612081000_create_commission.js';
import * as m202612090300 from './202612090300_commission_city_level.js';
import * as m202612090310 from './202612090310_aid_derogation.js';
import * as m202612090320 from './202612090320_stat_dirty_aids.js';
import * as m202612081200 from './202612081200_create_worker_absence.js';
import * as m202612080600 from './202612080600_create_imports.js';
import * as m202612090100 from './202612090100_person_caf_number_index.js';
import * as m202612080800 from './202612080800_create_rsa_ep.js';
import * as m202612080700 from './202612080700_create_rsa.js';

/** Every migration, in order. Frozen once shipped: add a new file, never edit an old one. */
export const migrations: Record<string, Migration> = {
  '202611250700_create_foundation': m202611250700,
  '202611250900_create_journal': m202611250900,
  '202611251000_search_all_scripts': m202611251000,
  '202611251010_partition_usager_search': m202611251010,
  '202611251320_create_second_factor': m202611251320,
  '202611251200_chain_security_log': m202611251200,
  '202611251210_security_log_seq_constraint': m202611251210,
  '202611251300_create_statistics': m202611251300,
  '202611251500_index_plaintext_notes': m202611251500,
  '202611251540_create_retention_sharing': m202611251540,
  '202611251600_create_break_glass': m202611251600,
  '202611251630_create_sensitive_sections': m202611251630,
  '202611251700_create_file_restriction': m202611251700,
  '202612041700_search_keys': m202612041700,
  '202612041710_search_birth_index': m202612041710,
  '202612070300_create_access_request': m202612070300,
  '202612070230_login_attempts': m202612070230,
  '202612070310_stat_dirty_skips_retention': m202612070310,
  '202612070400_create_parameter_version': m202612070400,
  '202612070410_create_workflow_transition': m202612070410,
  '202612070420_create_job': m202612070420,
  '202612070430_create_document': m202612070430,
  '202612070440_create_accueil_visit': m202612070440,
  '202612070520_create_genogram': m202612070520,
  '202612080600_create_imports': m202612080600,
  '202612070510_create_file_merge': m202612070510,
  '202612070500_create_letters': m202612070500,
  '202612080900_create_aids': m202612080900,
  '202612081000_create_commission': m202612081000,
  '202612081200_create_worker_absence': m202612081200,
  '202612080700_create_rsa': m202612080700,
  '202612080800_create_rsa_ep': m202612080800,
  '202612090300_commission_city_level': m202612090300,
  '202612090310_aid_derogation': m202612090310,
  '202612090320_stat_dirty_aids': m202612090320,
  '202612090100_person_caf_number_index': m202612090100,
};
