package io.whizbang.impl.projection;

/**
 * How the generations of a rebuilt perspective are named in the projection store.
 *
 * <p>Generation 0 is the perspective's own name, so stores written before rebuilds existed read on unchanged; a
 * rebuild's generation {@code n} keeps its documents and checkpoint under {@code <perspective>#<n>}. The generation
 * lenses read is kept as the checkpoint of {@code <perspective>#active}, the one being built as that of
 * {@code <perspective>#rebuilding}, so both survive a restart in any projection store driver.
 */
public final class Generations {
    private static final char SEPARATOR = '#';

    private Generations() {
    }

    /** The collection and checkpoint name of a generation. */
    public static String collection(String perspective, int generation) {
        return generation == 0 ? perspective : perspective + SEPARATOR + generation;
    }

    /** The checkpoint name that holds the generation lenses read. */
    public static String activeKey(String perspective) {
        return perspective + SEPARATOR + "active";
    }

    /** The checkpoint name that holds the generation being rebuilt. */
    public static String rebuildingKey(String perspective) {
        return perspective + SEPARATOR + "rebuilding";
    }

    /** Whether the collection name is already a generation's, not a perspective's. */
    public static boolean isGeneration(String collection) {
        return collection.indexOf(SEPARATOR) >= 0;
    }
}
