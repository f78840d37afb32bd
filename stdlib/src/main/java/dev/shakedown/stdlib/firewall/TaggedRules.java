package dev.shakedown.stdlib.firewall;

import dev.shakedown.engine.spi.UndoRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules of one partition fault before they are added: the commands that add them, and what the
 * tool needs to find and delete them later ({@code toolData}, which goes into the undo record).
 */
record TaggedRules(FirewallTool tool, String tag, Optional<String> netns, List<List<String>> additions,
                   Map<String, Object> toolData) {
    TaggedRules {
        additions = List.copyOf(additions);
        toolData = Map.copyOf(toolData);
    }

    /** {tool, tag, netns (when given)} and the tool's own data; the manual way is the deleting commands. */
    UndoRecord undoRecord() {
        Map<String, Object> data = new HashMap<>(toolData);
        data.put("tool", tool.name());
        data.put("tag", tag);
        netns.ifPresent(name -> data.put("netns", name));
        String deletions = tool.deletions(data).stream()
                .map(command -> Commands.display(netns, command))
                .collect(Collectors.joining("; "));
        return new UndoRecord(FirewallRules.ACTION, data, deletions + " (every rule carries the tag " + tag + ")");
    }

    /** The adding commands as a person would type them. */
    List<String> shown() {
        return additions.stream().map(command -> Commands.display(netns, command)).toList();
    }
}
