package io.jenkins.plugins.gitops;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.listeners.ItemListener;

/**
 * Drops the loaded {@link JobDeployments} of jobs that are deleted, renamed or moved, so a job created
 * later under the old name starts empty: it neither shows the old job's environments nor may roll back
 * what only the old job deployed. Core calls {@code onDeleted} right before the item's folder is
 * deleted and {@code onLocationChanged} for the item and every item inside a renamed or moved folder,
 * after its folder moved (core {@code hudson.model.listeners.ItemListener#fireLocationChange}).
 */
@Extension
public final class JobDeploymentsListener extends ItemListener {
    @Override
    public void onDeleted(Item item) {
        JobDeployments.forget(item.getRootDir());
    }

    @Override
    public void onLocationChanged(Item item, String oldFullName, String newFullName) {
        JobDeployments.forgetMoved();
    }
}
