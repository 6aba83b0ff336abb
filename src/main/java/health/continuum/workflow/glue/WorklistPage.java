package health.continuum.workflow.glue;

import health.continuum.canonical.Canonical;
import health.continuum.workflow.Worklist.Entry;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * One page of a worklist as a searchset Bundle: its Tasks in working order, each with its overdue flag as of the
 * request, then the patients and focuses they are about; self, first, previous and next links as a search has.
 */
record WorklistPage(String operationUrl, int offset, int count, int total) {

    List<Entry> of(List<Entry> ordered) {
        return ordered.subList(Math.min(offset, total), Math.min(offset + count, total));
    }

    Bundle bundle(String serverBase, List<Entry> page, Map<String, Task> tasks, List<IBaseResource> included) {
        Bundle bundle = new Bundle().setType(BundleType.SEARCHSET).setTotal(total);
        bundle.addLink().setRelation("self").setUrl(link(offset));
        bundle.addLink().setRelation("first").setUrl(link(0));
        if (offset > 0 && count > 0) {
            bundle.addLink().setRelation("previous").setUrl(link(Math.max(0, offset - count)));
        }
        if (count > 0 && offset + count < total) {
            bundle.addLink().setRelation("next").setUrl(link(offset + count));
        }
        for (Entry entry : page) {
            Task task = tasks.get(entry.item().id());
            // Computed as of this request, never stored: a stored flag would go stale the day after it was written
            task.getExtension().removeIf(extension -> Canonical.TASK_OVERDUE_EXTENSION.equals(extension.getUrl()));
            task.addExtension(Canonical.TASK_OVERDUE_EXTENSION, new BooleanType(entry.overdue()));
            add(bundle, serverBase, task, SearchEntryMode.MATCH);
        }
        included.forEach(resource -> add(bundle, serverBase, (Resource) resource, SearchEntryMode.INCLUDE));
        return bundle;
    }

    private String link(int at) {
        return operationUrl + "?_count=" + count + "&_offset=" + at;
    }

    private static void add(Bundle bundle, String serverBase, Resource resource, SearchEntryMode mode) {
        bundle.addEntry()
                .setFullUrl(serverBase + "/" + resource.getIdElement().toUnqualifiedVersionless().getValue())
                .setResource(resource)
                .getSearch().setMode(mode);
    }
}
