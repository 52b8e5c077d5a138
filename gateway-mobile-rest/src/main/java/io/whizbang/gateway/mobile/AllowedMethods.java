package io.whizbang.gateway.mobile;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods a router serves on each path, for the {@code Allow} header of a 405 and for checking that the OpenAPI
 * document describes every route.
 */
final class AllowedMethods {
    private static final Pattern PARAMETER = Pattern.compile(":[A-Za-z0-9_]+");

    private final Map<String, TreeSet<String>> byTemplate;
    private final Map<String, Pattern> patterns = new LinkedHashMap<>();

    private AllowedMethods(Map<String, TreeSet<String>> byTemplate) {
        this.byTemplate = byTemplate;
        byTemplate.keySet().forEach(template -> patterns.put(template, patternOf(template)));
    }

    private static Pattern patternOf(String template) {
        List<String> segments = new ArrayList<>();
        for (String segment : template.split("/", -1)) {
            segments.add(segment.startsWith(":") ? "[^/]+" : Pattern.quote(segment));
        }
        return Pattern.compile(String.join("/", segments) + "/?");
    }

    /** The methods of every route of the router that has a path and methods. */
    static AllowedMethods of(Router router) {
        Map<String, TreeSet<String>> byTemplate = new LinkedHashMap<>();
        for (Route route : router.getRoutes()) {
            // a path with parameters counts as a regex path; this router has no routes given as regular expressions
            if (route.getPath() == null || route.methods() == null || route.methods().isEmpty()) {
                continue;
            }
            for (HttpMethod method : route.methods()) {
                byTemplate.computeIfAbsent(route.getPath(), path -> new TreeSet<>()).add(method.name());
            }
        }
        return new AllowedMethods(byTemplate);
    }

    /** The methods allowed on a request path, in alphabetical order; empty for an unknown path. */
    List<String> on(String path) {
        TreeSet<String> methods = new TreeSet<>();
        patterns.forEach((template, pattern) -> {
            if (pattern.matcher(path).matches()) {
                methods.addAll(byTemplate.get(template));
            }
        });
        return new ArrayList<>(methods);
    }

    /**
     * Every route as {@code METHOD /path/{param}}, path parameters written the OpenAPI way.
     */
    List<String> routes() {
        List<String> routes = new ArrayList<>();
        byTemplate.forEach((template, methods) -> methods.forEach(method -> routes.add(method + " "
                + PARAMETER.matcher(template).replaceAll(match -> "{" + match.group().substring(1) + "}"))));
        return routes;
    }
}
