/** Health of live objects: a closed, ordered set of states and one small check per kind. */
package io.jenkins.plugins.gitops.engine.health;
