package org.gitterjakarta.messages.control;

import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.conversions.Bson;

/**
 * A message's JSON as history pages give it, kept in the message's document under {@code _j} with
 * what it was rendered from: the renderer's format and the message's version ({@code _tv}), which
 * every change of what the text holds counts up. The sender and the number of readers are not in
 * it: pages write them next to it, so a renamed sender or a new reader leaves the text as it is. A
 * page read for it decodes only the few fields of {@link #PAGE_FIELDS}: in profiles of {@code
 * beforeId} pages, decoding whole documents and rendering them took half of Payara's time (issue
 * 18).
 */
final class KeptJson {

  static final String FIELD = "_j";

  /** What a page is read with: the kept text, what says whether it holds, and the readers. */
  static final Bson PAGE_FIELDS =
      new Document("_id", 1)
          .append("fromUserId", 1)
          .append("_tv", 1)
          .append("readBy", 1)
          .append(FIELD, 1);

  private KeptJson() {}

  static Document of(int format, long version, String json) {
    return new Document("f", format).append("v", version).append("t", json);
  }

  /**
   * Reads a document of {@link #PAGE_FIELDS} in one pass without building it: the readers are
   * counted, not decoded, and fields it does not know are skipped.
   */
  static final class PageCodec implements Codec<KeptMessage> {

    @Override
    public KeptMessage decode(BsonReader reader, DecoderContext context) {
      String id = null;
      String senderId = null;
      long version = -1;
      int readers = 0;
      Kept kept = null;
      reader.readStartDocument();
      while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
        switch (reader.readName()) {
          case "_id" -> id = reader.readString();
          case "fromUserId" -> senderId = string(reader);
          case "_tv" -> version = number(reader);
          case "readBy" -> readers = count(reader);
          case FIELD -> kept = kept(reader);
          default -> reader.skipValue();
        }
      }
      reader.readEndDocument();
      boolean holds = kept != null && kept.version == version;
      return holds
          ? new KeptMessage(id, senderId, readers, kept.format, kept.json)
          : new KeptMessage(id, senderId, readers, -1, null);
    }

    private record Kept(int format, long version, String json) {}

    private static Kept kept(BsonReader reader) {
      if (reader.getCurrentBsonType() != BsonType.DOCUMENT) {
        reader.skipValue();
        return null;
      }
      int format = -1;
      long version = -2;
      String json = null;
      reader.readStartDocument();
      while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
        switch (reader.readName()) {
          case "f" -> format = (int) number(reader);
          case "v" -> version = number(reader);
          case "t" -> json = string(reader);
          default -> reader.skipValue();
        }
      }
      reader.readEndDocument();
      return anObject(json) ? new Kept(format, version, json) : null;
    }

    /** Pages cut the closing brace off a text to write more fields: anything else is not used. */
    private static boolean anObject(String json) {
      return json != null && json.length() >= 2 && json.startsWith("{") && json.endsWith("}");
    }

    private static String string(BsonReader reader) {
      if (reader.getCurrentBsonType() == BsonType.STRING) {
        return reader.readString();
      }
      reader.skipValue();
      return null;
    }

    private static long number(BsonReader reader) {
      return switch (reader.getCurrentBsonType()) {
        case INT32 -> reader.readInt32();
        case INT64 -> reader.readInt64();
        case DOUBLE -> (long) reader.readDouble();
        default -> {
          reader.skipValue();
          yield -1;
        }
      };
    }

    private static int count(BsonReader reader) {
      if (reader.getCurrentBsonType() != BsonType.ARRAY) {
        reader.skipValue();
        return 0;
      }
      int count = 0;
      reader.readStartArray();
      while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
        reader.skipValue();
        count++;
      }
      reader.readEndArray();
      return count;
    }

    @Override
    public void encode(BsonWriter writer, KeptMessage value, EncoderContext context) {
      throw new UnsupportedOperationException("kept messages are only read");
    }

    @Override
    public Class<KeptMessage> getEncoderClass() {
      return KeptMessage.class;
    }
  }
}
