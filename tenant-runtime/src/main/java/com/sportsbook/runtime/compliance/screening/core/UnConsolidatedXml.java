package com.sportsbook.runtime.compliance.screening.core;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the UN Security Council consolidated list in its official XML format ({@code un-sc-sanctions.xsd}):
 * {@code INDIVIDUALS/INDIVIDUAL} with {@code FIRST_NAME} to {@code FOURTH_NAME}, aliases with their quality and dates
 * of birth ({@code EXACT} date or year, {@code APPROXIMATELY}, {@code BETWEEN} two years), and {@code ENTITIES/ENTITY}.
 * Names in original script are left out: screening compares Latin transliterations. DTDs and external entities
 * are refused, since a newer list may be uploaded.
 */
public final class UnConsolidatedXml {

    private UnConsolidatedXml() {
    }

    /** A parsed element: its text and its child elements in order (the list is small enough to hold each entry). */
    private record Node(String name, String text, List<Node> children) {
        String child(String childName) {
            for (Node child : children) {
                if (child.name.equals(childName)) {
                    return child.text.strip();
                }
            }
            return "";
        }

        List<Node> all(String childName) {
            return children.stream().filter(child -> child.name.equals(childName)).toList();
        }
    }

    public static SanctionsList parse(InputStream xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<ListEntry> entries = new ArrayList<>();
        boolean sawRoot = false;
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(xml);
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = reader.getLocalName();
                if (name.equals("CONSOLIDATED_LIST")) {
                    sawRoot = true;
                } else if (name.equals("INDIVIDUAL")) {
                    entries.add(individual(read(reader)));
                } else if (name.equals("ENTITY")) {
                    entries.add(entity(read(reader)));
                }
            }
        } catch (XMLStreamException e) {
            throw new UnreadableListException("not a UN consolidated list: " + e.getMessage(), e);
        }
        if (!sawRoot) {
            throw new UnreadableListException("not a UN consolidated list: no CONSOLIDATED_LIST element");
        }
        return new SanctionsList(ListSource.UN, entries);
    }

    private static Node read(XMLStreamReader reader) throws XMLStreamException {
        String name = reader.getLocalName();
        StringBuilder text = new StringBuilder();
        List<Node> children = new ArrayList<>();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                children.add(read(reader));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        return new Node(name, text.toString(), children);
    }

    private static ListEntry individual(Node node) {
        List<ListEntry.Name> names = new ArrayList<>();
        String primary = String.join(" ", List.of(node.child("FIRST_NAME"), node.child("SECOND_NAME"),
                node.child("THIRD_NAME"), node.child("FOURTH_NAME"))).replaceAll("\\s+", " ").strip();
        names.add(new ListEntry.Name(primary, false));
        addAliases(node.all("INDIVIDUAL_ALIAS"), names);
        List<BirthDate> born = new ArrayList<>();
        for (Node date : node.all("INDIVIDUAL_DATE_OF_BIRTH")) {
            birthDate(date).ifPresent(born::add);
        }
        return new ListEntry(ListSource.UN, ref(node), EntryKind.INDIVIDUAL, names, born, node.child("UN_LIST_TYPE"));
    }

    private static ListEntry entity(Node node) {
        List<ListEntry.Name> names = new ArrayList<>();
        names.add(new ListEntry.Name(node.child("FIRST_NAME").replaceAll("\\s+", " "), false));
        addAliases(node.all("ENTITY_ALIAS"), names);
        return new ListEntry(ListSource.UN, ref(node), EntryKind.ENTITY, names, List.of(), node.child("UN_LIST_TYPE"));
    }

    private static String ref(Node node) {
        String reference = node.child("REFERENCE_NUMBER");
        return reference.isEmpty() ? node.child("DATAID") : reference;
    }

    private static void addAliases(List<Node> aliases, List<ListEntry.Name> names) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Node alias : aliases) {
            String text = alias.child("ALIAS_NAME").replaceAll("\\s+", " ");
            if (!text.isEmpty()) {
                seen.merge(text, "Low".equalsIgnoreCase(alias.child("QUALITY")), Boolean::logicalAnd);
            }
        }
        seen.forEach((text, weak) -> names.add(new ListEntry.Name(text, weak)));
    }

    private static Optional<BirthDate> birthDate(Node node) {
        String type = node.child("TYPE_OF_DATE");
        String date = node.child("DATE");
        String year = node.child("YEAR");
        String from = node.child("FROM_YEAR");
        String to = node.child("TO_YEAR");
        try {
            if (!from.isEmpty() && !to.isEmpty()) {
                return Optional.of(BirthDate.between(Integer.parseInt(from), Integer.parseInt(to)));
            }
            boolean approximately = type.equalsIgnoreCase("APPROXIMATELY");
            if (date.length() >= 10) {
                LocalDate day = LocalDate.parse(date.substring(0, 10));
                return Optional.of(approximately ? BirthDate.about(day.getYear()) : BirthDate.on(day));
            }
            if (!year.isEmpty()) {
                int value = Integer.parseInt(year);
                return Optional.of(approximately ? BirthDate.about(value) : BirthDate.inYear(value));
            }
        } catch (NumberFormatException | DateTimeException unreadable) {
            // a date the list garbled states nothing we can compare
        }
        return Optional.empty();
    }
}
