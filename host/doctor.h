/* prepost-host doctor: says exactly what stands between a browser and the
 * host. For each browser, per user and system-wide: is the native-messaging
 * manifest there, valid, named right, pointing at an executable host, and
 * allowing prepost's extension? Snap and Flatpak browsers are recognised and
 * what works for them explained. Then the config, rosters and lexicons are
 * loaded and their problems listed. Every problem comes with its fix. */
#ifndef PREPOST_DOCTOR_H
#define PREPOST_DOCTOR_H

/* Returns 0 only when at least one installed browser can start the host. */
int doctor_run(const char *config_path, const char *lexicon_dir);

#endif
