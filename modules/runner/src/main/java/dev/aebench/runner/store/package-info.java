/**
 * The output folder of a sweep and its crash-safe files: {@code trials.jsonl} (one fsynced JSON
 * line per finished trial, written only by the runner process), {@code plan.json} (the current
 * plan, replaced atomically), {@code experiment.yaml} (the file as run), {@code attempts.log}
 * (when each trial started computing and when it was recorded), {@code logs/ID.log} (trial
 * output), {@code artifacts/ID.json} (what reports show of each trained model, written before its record), {@code tmp/} (results handed back by trial processes) and a lock that keeps two
 * runners out of one folder.
 */
package dev.aebench.runner.store;
