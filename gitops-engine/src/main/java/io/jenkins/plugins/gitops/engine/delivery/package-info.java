/**
 * Delivery performance (the four DORA figures) of an environment, computed from its deployment
 * records ({@link io.jenkins.plugins.gitops.engine.history}) and the Git commits they deployed
 * ({@link io.jenkins.plugins.gitops.engine.delivery.CommitLog}): deployment frequency, lead time for
 * changes, change failure rate and time to restore, each placed in a DORA performance band. Knows no
 * target: the facade hands it the records. Definitions and edge cases: docs/delivery-metrics.md.
 */
package io.jenkins.plugins.gitops.engine.delivery;
