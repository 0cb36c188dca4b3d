package org.ibvadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageMapTest {
    /** Page 1 holds [0, 10), page 2 [10, 25), page 3 has no text, page 4 [25, …). */
    final PageMap map = new PageMap(new int[] {0, 10, 25, 25}, List.of("i", "1", "2", "3"));

    @Test
    void every_offset_is_on_the_page_whose_range_holds_it() {
        assertEquals(1, map.pageAt(0));
        assertEquals(1, map.pageAt(9));
        assertEquals(2, map.pageAt(10));
        assertEquals(2, map.pageAt(24));
        assertEquals(4, map.pageAt(25), "page 3 is empty: the char at its start is on page 4");
        assertEquals(4, map.pageAt(1_000));
    }

    @Test
    void a_span_gives_the_page_of_its_first_and_of_its_last_char() {
        assertEquals(new PageRange(1, 1), map.pageRange(2, 10));
        assertEquals(new PageRange(1, 2), map.pageRange(5, 11));
        assertEquals(new PageRange(2, 4), map.pageRange(20, 30));
        assertEquals(new PageRange(2, 2), map.pageRange(12, 12), "an empty span is on the page of its start");
    }

    @Test
    void labels_are_the_printed_page_numbers_and_default_to_the_physical_ones() {
        assertEquals("i", map.labelAt(3));
        assertEquals("2", map.label(3));
        PageMap unlabelled = new PageMap(new int[] {0, 5}, null);
        assertEquals(List.of(), unlabelled.labels());
        assertEquals("2", unlabelled.labelAt(7));
        assertEquals(10, map.start(2));
    }

    @Test
    void a_page_map_that_cannot_be_right_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new PageMap(new int[0], null));
        assertThrows(IllegalArgumentException.class, () -> new PageMap(new int[] {3, 10}, null));
        assertThrows(IllegalArgumentException.class, () -> new PageMap(new int[] {0, 10, 5}, null));
        assertThrows(IllegalArgumentException.class, () -> new PageMap(new int[] {0, 10}, List.of("i")));
        assertThrows(IllegalArgumentException.class, () -> map.pageAt(-1));
    }

    @Test
    void the_json_form_gives_the_same_map_back() {
        assertEquals("{\"starts\":[0,10,25,25],\"labels\":[\"i\",\"1\",\"2\",\"3\"]}", PageMapJson.write(map));
        assertEquals(map, PageMapJson.read(PageMapJson.write(map)));
        PageMap unlabelled = new PageMap(new int[] {0, 5}, List.of());
        assertEquals("{\"starts\":[0,5]}", PageMapJson.write(unlabelled));
        assertEquals(unlabelled, PageMapJson.read(PageMapJson.write(unlabelled)));
        assertThrows(IllegalArgumentException.class, () -> PageMapJson.read("{\"labels\":[]}"));
    }

    @Test
    void the_starts_cannot_be_changed_from_outside() {
        int[] starts = {0, 10};
        PageMap copy = new PageMap(starts, null);
        starts[1] = 99;
        copy.starts()[1] = 77;
        assertEquals(2, copy.pageAt(10));
    }
}
